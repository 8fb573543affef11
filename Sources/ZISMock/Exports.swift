// The embedding API's values (`Seed`, `Scope`, `ZISError`, `FaultAction`, `JournalEntry`, …) come
// from the modules below; re-exported so `import ZISMock` is all a test needs.
@_exported import ZISDomain
@_exported import ZISMockRouting
