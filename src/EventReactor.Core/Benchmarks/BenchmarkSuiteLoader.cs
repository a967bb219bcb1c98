using EventReactor.Core.Diagnostics;

namespace EventReactor.Core.Benchmarks;

/// <summary>Finds and parses <c>&lt;folder&gt;/&lt;name&gt;.yaml</c> (or <c>.yml</c>) each time it is asked, so edits apply to the next run.</summary>
public static class BenchmarkSuiteLoader
{
    public static BenchmarkSuite Load(string folder, string name)
    {
        if (name.Length == 0 || name.IndexOfAny(['/', '\\']) >= 0 || name.StartsWith('.'))
        {
            throw new BenchmarkSuiteException($"'{name}' is not a suite name (letters, digits, '.', '-' or '_')", []);
        }

        // Full paths in diagnostics: they are read by a CLI user who may not know the reactor's working directory.
        var file = new[] { ".yaml", ".yml" }.Select(extension => Path.GetFullPath(Path.Combine(folder, name + extension))).FirstOrDefault(File.Exists)
            ?? throw new BenchmarkSuiteException($"no suite '{name}' in {Path.GetFullPath(folder)}; suites there: {Describe(List(folder))}", []);
        var diagnostics = new List<RuleDiagnostic>();
        return BenchmarkSuiteParser.Parse(file, File.ReadAllText(file), diagnostics)
            ?? throw new BenchmarkSuiteException($"suite '{name}' is invalid:{Environment.NewLine}{string.Join(Environment.NewLine, diagnostics)}", diagnostics);
    }

    /// <summary>The names of the suites in the folder (their file names), sorted.</summary>
    public static IReadOnlyList<string> List(string folder) =>
        Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder).Where(f => f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".yml", StringComparison.Ordinal))
                .Select(Path.GetFileNameWithoutExtension).OfType<string>().Order(StringComparer.Ordinal).ToList()
            : [];

    private static string Describe(IReadOnlyList<string> names) => names.Count == 0 ? "none" : string.Join(", ", names);
}
