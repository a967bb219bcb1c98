namespace EventReactor.Core.Statistics;

/// <summary>
/// Groups samples ordered best first into tiers of indistinguishable ones: a tier starts at its best sample and takes
/// every following sample that a Mann–Whitney U test cannot tell from that one (p ≥ α); the first that it can starts
/// the next tier.
/// </summary>
public static class IndistinguishableTiers
{
    /// <summary>The tier (1, 2, ...) of each sample, in the order given.</summary>
    public static int[] Assign(IReadOnlyList<IReadOnlyList<double>> bestFirst, double alpha = SampleComparison.Alpha)
    {
        var tiers = new int[bestFirst.Count];
        var leader = 0;
        var tier = 1;
        for (var i = 0; i < bestFirst.Count; i++)
        {
            if (i > leader && MannWhitneyU.Test(bestFirst[leader], bestFirst[i]).PValue < alpha)
            {
                leader = i;
                tier++;
            }

            tiers[i] = tier;
        }

        return tiers;
    }
}
