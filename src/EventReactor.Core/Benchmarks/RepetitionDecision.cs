namespace EventReactor.Core.Benchmarks;

/// <summary>What to do after a repetition, by <see cref="RepetitionPolicy.Decide"/>.</summary>
public enum RepetitionDecision
{
    /// <summary>Run another repetition.</summary>
    Continue,

    /// <summary>At least the minimum ran and every metric's relative standard deviation is under the threshold.</summary>
    Converged,

    /// <summary>The maximum ran; the results stand as they are.</summary>
    MaximumReached,
}
