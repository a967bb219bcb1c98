namespace EventReactor.EndToEnd;

/// <summary>
/// CPU time of the RabbitMQ node(s) on this machine (<c>beam.smp</c>, from /proc), so that a run can say what each
/// event costs the broker beside what it costs this process. Zero where the broker is elsewhere or /proc is not readable.
/// </summary>
internal static class BrokerCpu
{
    public static TimeSpan Read() => ProcessCpu.OfCommand("beam.smp");
}
