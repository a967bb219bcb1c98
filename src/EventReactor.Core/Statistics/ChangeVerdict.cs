namespace EventReactor.Core.Statistics;

/// <summary>What a comparison concludes, in the direction of the metric (higher or lower is better).</summary>
public enum ChangeVerdict
{
    /// <summary>No significant difference at the level tested (benchstat's <c>~</c>).</summary>
    Same,

    Faster,

    Slower,
}
