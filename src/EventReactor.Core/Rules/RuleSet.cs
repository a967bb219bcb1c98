namespace EventReactor.Core.Rules;

/// <summary>An immutable, validated set of rules in evaluation order: file name, then position in the file.</summary>
public sealed class RuleSet
{
    private readonly RuleIndex _index;

    public RuleSet(IReadOnlyList<Rule> rules, IReadOnlyList<string> files)
    {
        Rules = rules;
        Files = files;
        _index = new RuleIndex(rules);
    }

    public static RuleSet Empty { get; } = new([], []);

    public IReadOnlyList<Rule> Rules { get; }

    public IReadOnlyList<string> Files { get; }

    /// <summary>The rules whose <c>on</c> matches the tag, in evaluation order, each once.</summary>
    public IReadOnlyList<Rule> Match(string tag) => _index.Match(tag);
}
