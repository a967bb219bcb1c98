using System.CommandLine;

namespace EventReactor.Hosting;

/// <summary>The <c>--bus</c> option, worded the same in every command that takes it.</summary>
public static class BusOption
{
    public const string DefaultRabbitMq = "rabbitmq://guest:guest@localhost:5672/";

    public static Option<string?> Create(string fallback) => new("--bus") { Description = $"Bus URL, memory:// or rabbitmq://user:pass@host:port/vhost, a cluster's nodes as host1:port1,host2:port2 (default: {fallback})" };
}
