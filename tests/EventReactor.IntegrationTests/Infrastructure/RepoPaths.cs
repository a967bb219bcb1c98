namespace EventReactor.IntegrationTests.Infrastructure;

/// <summary>Where the repository and the built <c>eventreactor</c> command are.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>The CLI built in the same configuration as these tests (the project reference builds it first).</summary>
    public static string CliDll
    {
        get
        {
            var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
            var dll = Path.Combine(Root, "src", "EventReactor.Cli", "bin", configuration, "net10.0", "eventreactor.dll");
            return File.Exists(dll) ? dll : throw new FileNotFoundException($"the CLI is not built at {dll}; run 'dotnet build EventReactor.sln'");
        }
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "EventReactor.sln")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException($"EventReactor.sln not found above {AppContext.BaseDirectory}");
    }
}
