namespace EventReactor.Benchmarks.Sampler;

/// <summary>What one phase cost: CPU seconds of this process and of dockerd over the wall time, and how many readings it took.</summary>
internal sealed record CostMeasurement(string Phase, TimeSpan Wall, TimeSpan Own, TimeSpan Dockerd, long Readings)
{
    public TimeSpan Total => Own + Dockerd;

    /// <summary>Percent of one core.</summary>
    public double CpuPercent => Total / Wall * 100;

    public double MicrosecondsPerReading => Readings == 0 ? double.NaN : Total.TotalMicroseconds / Readings;
}
