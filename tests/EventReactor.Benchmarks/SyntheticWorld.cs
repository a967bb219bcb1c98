namespace EventReactor.Benchmarks;

/// <summary>The names events and rules draw from: minions, container actions, projects, runs, pools, stages.</summary>
internal static class SyntheticWorld
{
    public const int ProjectCount = 60;
    public const int RunCount = 100;
    public const int PoolCount = 20;
    public const int StageCount = 60;

    public static readonly string[] Minions =
        [.. Enumerable.Range(0, 100).Select(i => $"{(i % 3) switch { 0 => "gpu", 1 => "cpu", _ => "fpga" }}-{i:D3}")];

    public static readonly string[] Actions = ["create", "start", "die", "oom", "kill", "stop", "destroy", "health_status"];

    public static string Project(int i) => $"project-{i:D3}";

    public static string Run(int i) => $"run-{i:D4}";

    public static string Pool(int i) => $"pool-{i:D2}";

    public static string Stage(int i) => $"stage-{i:D3}";
}
