namespace EventReactor.EndToEnd;

/// <summary>One configuration of the scale benchmark: throughput, and CPU per event of the reactors, the database server and the broker.</summary>
internal sealed record ScaleResult(double EventsPerSecond, double ReactorCpuUs, double DatabaseCpuUs, double BrokerCpuUs)
{
    /// <summary>Events per CPU-second of the reactors and their database together (the broker is the same for both back ends).</summary>
    public double EventsPerCpuSecond => 1_000_000 / (ReactorCpuUs + DatabaseCpuUs);
}
