namespace EventReactor.Reactor.Benchmarks;

/// <summary>What a finished run is compared against (section <c>Reactor:Benchmarks:Regression</c>).</summary>
public sealed class RegressionBaselineOptions
{
    /// <summary>The grain path that makes hosts the same hardware class: the baseline is runs on hosts with the same value.</summary>
    public string Grain { get; set; } = "cpu.model";

    /// <summary>How many of the latest earlier runs of the suite on that class make the baseline.</summary>
    public int Runs { get; set; } = 5;
}
