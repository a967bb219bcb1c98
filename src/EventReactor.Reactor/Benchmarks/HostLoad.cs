namespace EventReactor.Reactor.Benchmarks;

/// <summary>What a host was doing in a time window, from its host samples: mean load average and CPU busy share.</summary>
public sealed record HostLoad(double? Load1, double? CpuBusyPercent);
