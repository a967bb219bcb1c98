namespace EventReactor.Contracts.Api;

/// <summary>The statistics of one metric's values, as results and comparisons carry them.</summary>
public interface IMetricStatistics
{
    /// <summary>How many values.</summary>
    int N { get; }

    /// <summary>Their mean.</summary>
    double Mean { get; }

    /// <summary>Their sample standard deviation.</summary>
    double Stddev { get; }

    /// <summary>The smallest.</summary>
    double Min { get; }

    /// <summary>The largest.</summary>
    double Max { get; }

    /// <summary>The median.</summary>
    double P50 { get; }

    /// <summary>The 95th percentile.</summary>
    double P95 { get; }

    /// <summary>The relative standard deviation, in percent of the mean.</summary>
    double Rsd { get; }
}
