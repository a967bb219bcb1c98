using EventReactor.Minion.Inventory;
using EventReactor.Contracts.Inventory;
using EventReactor.Minion.Inventory.Probing;
using Microsoft.Extensions.Options;

namespace EventReactor.Minion.Tests.Inventory;

/// <summary>The recorded hosts under <c>Inventory/Fixtures</c>; see the README there.</summary>
internal static class Fixtures
{
    public const string K80Host = "k80-host";
    public const string Mi50Host = "mi50-host";
    public const string AlveoHost = "alveo-host";
    public const string AwsG4dn = "aws-g4dn";
    public const string ThisMachine = "this-machine";

    public static string Root(string host) => Path.Combine(AppContext.BaseDirectory, "Inventory", "Fixtures", host);

    public static InventoryCollector Collector(string host, MinionOptions? options = null, bool withCommands = true) =>
        new(new FixtureHostProbe(Root(host), withCommands), new FixtureDockerFactsSource(Root(host)), Options.Create(options ?? new MinionOptions { Id = "test" }));

    public static Task<Grains> CollectAsync(string host, bool withCommands = true) =>
        Collector(host, withCommands: withCommands).CollectAsync(CancellationToken.None);

    public static IHostProbe Probe(string host) => new FixtureHostProbe(Root(host));
}
