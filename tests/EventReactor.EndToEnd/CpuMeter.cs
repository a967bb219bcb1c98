using System.Diagnostics;

namespace EventReactor.EndToEnd;

/// <summary>This process's and the broker's CPU time over one interval, per event.</summary>
internal readonly struct CpuMeter
{
    private readonly TimeSpan _process;
    private readonly TimeSpan _broker;

    private CpuMeter(TimeSpan process, TimeSpan broker)
    {
        _process = process;
        _broker = broker;
    }

    public static CpuMeter Start() => new(Process.GetCurrentProcess().TotalProcessorTime, BrokerCpu.Read());

    /// <summary>Microseconds of CPU per event since <see cref="Start"/>: this process, then the broker.</summary>
    public (double Process, double Broker) PerEvent(int events) =>
        ((Process.GetCurrentProcess().TotalProcessorTime - _process).TotalMicroseconds / events,
         (BrokerCpu.Read() - _broker).TotalMicroseconds / events);
}
