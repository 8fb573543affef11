# Sourced by setup-journey and setup-script: runs a README block of shell lines exactly as
# written against a fresh zis-mock, with only the base URL (http://127.0.0.1:8080) changed.
# The lines between <!-- NAME:begin --> and <!-- NAME:end --> are evaluated one by one in the
# calling shell (so their variables carry on, to the caller's checks too). A line whose comment
# starts with a status (`# 200 …`) must get that status (curl writes the response head to a file
# read here), every line must exit 0, and every curl line must state its status.
# Needs curl and jq. Defines pass, fail, verdict and the counts passed and failed.

passed=0
failed=0
pass() { passed=$((passed + 1)); }
fail() { failed=$((failed + 1)); printf 'FAILED: %s\n' "$1"; }
verdict() { # verdict STATUS NAME: after a test, counts it
    if (($1 == 0)); then pass; echo "ok: $2"; else fail "$2"; fi
}

README_BASE_URL=http://127.0.0.1:8080

# run_readme_block NAME [zis-mock flags]: builds and starts zis-mock (stopped at exit), then runs
# the block in a scratch directory ($work, which the block's files land in). Leaves the last
# line's output in $out_file and the shell in $work.
run_readme_block() {
    local name=$1
    shift
    for tool in curl jq; do
        command -v "$tool" >/dev/null || { echo "$tool is missing (Debian: apt-get install $tool)" >&2; exit 1; }
    done
    local block
    block=$(sed -n "/^<!-- $name:begin -->\$/,/^<!-- $name:end -->\$/p" README.md | sed '1,/^```sh$/d; /^```$/,$d')
    if [[ -z $block ]]; then
        echo "README.md has no $name block" >&2
        exit 1
    fi
    work=$(mktemp -d)
    # shellcheck source=scripts/lib/zis-mock.bash
    source scripts/lib/zis-mock.bash
    trap 'stop_zis_mock; rm -rf "$work"' EXIT
    trap 'exit 130' INT TERM
    build_zis_mock || exit 1
    start_zis_mock "$work" --log-level warning "$@"

    # Every curl of the block leaves its response head here (-D), so its status can be read even
    # where its output is captured by $(…) or piped.
    head_file=$work/response-head
    curl() { command curl -D "$head_file" "$@"; }
    last_status() { [[ -f $head_file ]] && sed -n 's/^HTTP\/[0-9.]* \([0-9]\{3\}\).*/\1/p' "$head_file" | tail -n 1; }

    cd "$work" || exit 1
    out_file=$work/output
    local line expected exit_status status
    while IFS= read -r line; do
        [[ -z ${line// /} || $line =~ ^[[:space:]]*# ]] && continue
        expected=
        [[ $line =~ \ \ \ \#\ ([1-5][0-9]{2})([^0-9]|$) ]] && expected=${BASH_REMATCH[1]}
        printf '\n$ %s\n' "$line"
        rm -f "$head_file"
        # In this shell (not a subshell), so the block's variables carry on to its next lines.
        set +u
        eval "${line//$README_BASE_URL/$base_url}" >"$out_file" 2>&1
        exit_status=$?
        set -u
        cat "$out_file"
        [[ -s $out_file && $(tail -c 1 "$out_file") != "" ]] && echo
        status=$(last_status)
        if ((exit_status != 0)); then
            fail "exit status $exit_status: $line"
        elif [[ $line == *curl\ * && -z $expected ]]; then
            fail "a curl line without its status in a comment (# 200 …): $line"
        elif [[ -n $expected && $status != "$expected" ]]; then
            fail "expected $expected, got ${status:-no response}: $line"
        else
            pass
            [[ -n $expected ]] && echo "ok: $status"
        fi
    done <<<"$block"
}
