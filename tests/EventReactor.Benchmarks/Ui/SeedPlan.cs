namespace EventReactor.Benchmarks.Ui;

/// <summary>How much <see cref="StoreSeeder"/> writes. Runs alternate their hosts so every run has hosts of both CPU models.</summary>
internal sealed record SeedPlan(int Minions, int Events, int Runs, int HostsPerRun, int Repetitions, int SamplesPerRepetition, int RunsWithSamples, string Suite = "matmul");
