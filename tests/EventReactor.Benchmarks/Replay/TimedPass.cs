namespace EventReactor.Benchmarks.Replay;

/// <summary>One timed pass: how many events, how long on the clock and on the CPU.</summary>
internal sealed record TimedPass(long Events, TimeSpan Wall, TimeSpan Cpu);
