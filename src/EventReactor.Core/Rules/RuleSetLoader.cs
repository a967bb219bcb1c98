using EventReactor.Core.Actions;
using EventReactor.Core.Diagnostics;

namespace EventReactor.Core.Rules;

/// <summary>Loads rule files (or folders of them) as one set, validated as a whole.</summary>
public sealed class RuleSetLoader(ActionCatalog catalog)
{
    private readonly RuleFileParser _parser = new(catalog);

    /// <summary>The rule files a path stands for: the file itself, or the <c>*.yaml</c> and <c>*.yml</c> files of a folder.</summary>
    public static IReadOnlyList<string> FindFiles(IEnumerable<string> paths, ICollection<RuleDiagnostic> diagnostics)
    {
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                files.AddRange(Directory.EnumerateFiles(path, "*.yaml").Concat(Directory.EnumerateFiles(path, "*.yml")));
            }
            else if (File.Exists(path))
            {
                files.Add(path);
            }
            else
            {
                diagnostics.Add(new RuleDiagnostic(new SourceLocation(path, 1, 1), "no such rule file or folder"));
            }
        }

        return files.Distinct().OrderBy(Path.GetFileName, StringComparer.Ordinal).ThenBy(f => f, StringComparer.Ordinal).ToList();
    }

    public RuleSetLoadResult Load(IEnumerable<string> paths)
    {
        var diagnostics = new List<RuleDiagnostic>();
        var files = FindFiles(paths, diagnostics);
        var sources = new List<(string File, string Text)>();
        foreach (var file in files)
        {
            try
            {
                sources.Add((file, File.ReadAllText(file)));
            }
            catch (IOException ex)
            {
                diagnostics.Add(new RuleDiagnostic(new SourceLocation(file, 1, 1), $"cannot read: {ex.Message}"));
            }
        }

        return Load(sources, diagnostics);
    }

    /// <summary>Loads rule texts given with the names to report them under, in that order.</summary>
    public RuleSetLoadResult Load(IEnumerable<(string File, string Text)> sources, List<RuleDiagnostic>? diagnostics = null)
    {
        diagnostics ??= [];
        var rules = new List<Rule>();
        var files = new List<string>();
        foreach (var (file, text) in sources)
        {
            files.Add(file);
            rules.AddRange(_parser.Parse(file, text, diagnostics));
        }

        foreach (var duplicate in rules.GroupBy(r => r.Name, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            var first = duplicate.First();
            diagnostics.AddRange(duplicate.Skip(1).Select(r => new RuleDiagnostic(r.Location, $"rule name '{r.Name}' is already used at {first.Location}")));
        }

        return diagnostics.Count == 0
            ? new RuleSetLoadResult(new RuleSet(rules, files), diagnostics, files)
            : new RuleSetLoadResult(null, diagnostics, files);
    }
}
