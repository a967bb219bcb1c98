using EventReactor.Core.Diagnostics;
using EventReactor.Core.Expressions;
using EventReactor.Core.Tags;

namespace EventReactor.Core.Rules;

/// <summary>A loaded rule: which tags it reacts to, its condition and its actions.</summary>
public sealed record Rule
{
    public required string Name { get; init; }

    public required SourceLocation Location { get; init; }

    public required IReadOnlyList<TagGlob> On { get; init; }

    public CelExpression? When { get; init; }

    public required IReadOnlyList<RuleAction> Actions { get; init; }

    public string? Description { get; init; }

    public bool Enabled { get; init; } = true;

    /// <summary>When the rule's condition holds, later rules do not see the event.</summary>
    public bool Stop { get; init; }

    public ThrottlePolicy? Throttle { get; init; }

    /// <summary>The rule's default for its actions; an action may say otherwise.</summary>
    public RetryPolicy Retry { get; init; } = RetryPolicy.None;

    /// <summary>The file-level <c>vars</c> of the file the rule is in.</summary>
    public required IReadOnlyDictionary<string, object?> Vars { get; init; }

    public bool MatchesTag(string tag)
    {
        foreach (var glob in On)
        {
            if (glob.IsMatch(tag))
            {
                return true;
            }
        }

        return false;
    }
}
