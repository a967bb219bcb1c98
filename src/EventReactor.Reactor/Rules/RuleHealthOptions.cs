namespace EventReactor.Reactor.Rules;

/// <summary>When <c>eventreactor rules stats</c> flags a rule (section <c>Reactor:RuleHealth</c>).</summary>
public sealed class RuleHealthOptions
{
    public const string Section = "Reactor:RuleHealth";

    /// <summary>The window judged when none is asked for: by <c>status</c>, <c>rules check --live</c> and <c>rules stats</c> without <c>--since</c>.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromDays(7);

    /// <summary>A share is judged only over at least this many matches (or firings), so one bad event flags nothing.</summary>
    public int MinimumSample { get; set; } = 5;

    /// <summary>A rule is flagged when more than this share of its matches had a condition that could not be evaluated.</summary>
    public double ConditionErrorShare { get; set; } = 0.5;

    /// <summary>An action is flagged when it failed on more than this share of its rule's firings.</summary>
    public double ActionFailureShare { get; set; } = 0.5;
}
