namespace EventReactor.Minion.Tests.Metrics;

/// <summary>The recorded trees under <c>Metrics/Fixtures</c>; see the README there.</summary>
internal static class MetricFixtures
{
    public static string CgroupRoot(string version) => Path.Combine(AppContext.BaseDirectory, "Metrics", "Fixtures", version, "sys", "fs", "cgroup");

    public static string ProcRoot => Path.Combine(AppContext.BaseDirectory, "Metrics", "Fixtures", "proc");
}
