namespace EventReactor.Minion.Metrics;

/// <summary>Block I/O summed over a cgroup's devices. From v1 files, "bytes" holds whichever unit the file counts.</summary>
internal readonly record struct IoCounters(long ReadBytes, long WriteBytes, long ReadOperations, long WriteOperations);
