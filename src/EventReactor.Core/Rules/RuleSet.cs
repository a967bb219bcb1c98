namespace EventReactor.Core.Rules;

/// <summary>An immutable, validated set of rules in evaluation order: file name, then position in the file.</summary>
public sealed class RuleSet(IReadOnlyList<Rule> rules, IReadOnlyList<string> files)
{
    public static RuleSet Empty { get; } = new([], []);

    public IReadOnlyList<Rule> Rules { get; } = rules;

    public IReadOnlyList<string> Files { get; } = files;

    /// <summary>The rules whose <c>on</c> matches the tag, in evaluation order.</summary>
    public IEnumerable<Rule> Match(string tag)
    {
        foreach (var rule in Rules)
        {
            if (rule.MatchesTag(tag))
            {
                yield return rule;
            }
        }
    }
}
