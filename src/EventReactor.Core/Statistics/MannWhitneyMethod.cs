namespace EventReactor.Core.Statistics;

/// <summary>How a Mann–Whitney U p-value was computed, chosen as SciPy's <c>mannwhitneyu</c> chooses by default.</summary>
public enum MannWhitneyMethod
{
    /// <summary>The exact null distribution of U: one sample has at most 8 values and there are no ties.</summary>
    Exact,

    /// <summary>The normal approximation with tie correction and continuity correction.</summary>
    Asymptotic,
}
