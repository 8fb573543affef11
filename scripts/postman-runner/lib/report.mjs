// newman-style console output: a line per folder and request, ✓/✗ per assertion, the
// executed/failed table, the numbered failures, then the plain tally CI reads.

const size = (bytes) => (bytes < 1024 ? `${bytes}B` : `${(bytes / 1024).toFixed(1)}kB`);

export class Report {
    constructor(write = (line) => process.stdout.write(`${line}\n`)) {
        this.write = write;
        this.folder = undefined;
        this.failures = [];
        this.counts = {
            requests: [0, 0], "test-scripts": [0, 0], "prerequest-scripts": [0, 0], assertions: [0, 0], skipped: [0, 0],
        };
        this.passed = 0;
    }

    title(name) {
        this.write(name);
    }

    request(entry) {
        const folder = entry.path.join(" / ");
        if (folder !== this.folder && folder) this.write(`\n❏ ${folder}`);
        this.folder = folder;
        this.write(`↳ ${entry.name}`);
        this.current = entry;
    }

    skipped(origin) {
        this.counts.skipped[0]++;
        this.write(`  (skipped by pm.execution.skipRequest() in ${origin})`);
    }

    answered(request, answer) {
        this.counts.requests[0]++;
        this.write(`  ${request.method} ${answer.url} [${answer.code} ${answer.reason}, ${size(answer.body.length)}, ${answer.timeMs}ms]`);
    }

    script(kind, outcome) {
        const counter = this.counts[kind === "test" ? "test-scripts" : "prerequest-scripts"];
        counter[0]++;
        for (const line of outcome.logs) this.write(`  │ ${line}`);
        for (const assertion of outcome.assertions) {
            this.counts.assertions[0]++;
            if (!assertion.error) {
                this.passed++;
                this.write(`  ✓  ${assertion.name}`);
            } else {
                this.counts.assertions[1]++;
                this.write(`  ✗  ${this.fail(assertion.error, assertion.name)}. ${assertion.name}`);
            }
        }
        if (outcome.error) {
            counter[1]++;
            this.write(`  ✗  ${this.fail(outcome.error, `${kind}-script`)}. ${outcome.error.name ?? "Error"} in ${kind}-script`);
        }
    }

    /** Records a failure that is not an assertion (a refused request, a network error, ...). */
    problem(error, what) {
        if (what === "request") this.counts.requests[1]++;
        this.write(`  ✗  ${this.fail(error, what)}. ${error.name ?? "Error"} (${what})`);
    }

    fail(error, title) {
        error.reported = true;
        const where = this.current ? `${[...this.current.path, this.current.name].join(" / ")}` : "the run";
        this.failures.push({ name: error.name ?? "Error", title, message: error.message ?? String(error), where });
        return this.failures.length;
    }

    summary(durationMs) {
        const rows = Object.entries(this.counts).filter(([name]) => name !== "skipped");
        const footer = `skipped requests: ${this.counts.skipped[0]}, total run duration: ${durationMs}ms`;
        const width = Math.max(...rows.map(([name]) => name.length), footer.length - 22);
        this.write("");
        this.write(`┌${"─".repeat(width + 2)}┬──────────┬──────────┐`);
        this.write(`│ ${" ".repeat(width)} │ executed │   failed │`);
        this.write(`├${"─".repeat(width + 2)}┼──────────┼──────────┤`);
        for (const [name, [executed, failed]] of rows) {
            this.write(`│ ${name.padStart(width)} │ ${String(executed).padStart(8)} │ ${String(failed).padStart(8)} │`);
        }
        this.write(`├${"─".repeat(width + 2)}┴──────────┴──────────┤`);
        this.write(`│ ${footer.padEnd(width + 22)} │`);
        this.write(`└${"─".repeat(width + 24)}┘`);
        if (this.failures.length > 0) {
            this.write("\n  #  failure detail\n");
            this.failures.forEach((failure, index) => {
                this.write(` ${String(index + 1).padStart(2)}.  ${failure.name}: ${failure.title}`);
                for (const line of failure.message.split("\n")) this.write(`      ${line}`);
                this.write(`      inside "${failure.where}"\n`);
            });
        }
        // Every failure counts, not only failed assertions, so "0 failed" means a clean run.
        this.write(`${this.passed} passed, ${this.failures.length} failed`);
    }
}
