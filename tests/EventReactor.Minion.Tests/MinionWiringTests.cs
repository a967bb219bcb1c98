using System.Reflection;
using System.Security.Cryptography;
using EventReactor.Contracts;
using EventReactor.Messaging;
using EventReactor.Minion.Outbox;
using EventReactor.Minion.Trust;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace EventReactor.Minion.Tests;

public sealed class MinionWiringTests : IDisposable
{
    // What can put an event on the bus without the outbox.
    private static readonly Type[] BusTypes = [typeof(IEventPublisher), typeof(IEventBatchPublisher), typeof(IBus), typeof(IBusControl), typeof(IPublishEndpoint), typeof(ISendEndpointProvider), typeof(IServiceProvider), typeof(IServiceScopeFactory)];

    private readonly TempDataFolder _data = new();

    [Fact]
    public void Constructors_EveryMinionType_OnlyTheDrainerTakesTheBus()
    {
        var takers = typeof(MinionOptions).Assembly.GetTypes()
            .Where(type => type.GetConstructors(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance)
                .SelectMany(constructor => constructor.GetParameters())
                .Any(parameter => ReachesTheBus(parameter.ParameterType)))
            .Select(type => type.FullName)
            .ToList();

        Assert.Equal([typeof(OutboxDrainer).FullName], takers);
    }

    [Fact]
    public async Task AddMinion_BusFirstPartsAfterServicesReversed_StartsAnswersACommandAndPublishesThroughTheOutbox()
    {
        // The reactor key this minion pinned when it was accepted.
        using var reactor = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        await File.WriteAllTextAsync(Path.Combine(_data.Path, MinionIdentity.PinnedFileName), reactor.ExportSubjectPublicKeyInfoPem());
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Bus:Url"] = "memory://",
            ["Minion:Id"] = "wired",
            ["Minion:DataPath"] = _data.Path,
            ["Minion:WatchDocker"] = "false",
        });

        // The bus first; the minion's parts and a stand-in for the reactor after it; its hosted services reversed.
        builder.AddEventBus();
        builder.AddMinion();
        builder.Services.AddSingleton<ReceivedEvents>();
        builder.AddEventBusPart(bus => bus.AddConsumer<ReceivedEventsConsumer>());
        var hosted = builder.Services.Where(d => d.ServiceType == typeof(IHostedService)).ToList();
        hosted.ForEach(d => builder.Services.Remove(d));
        hosted.AsEnumerable().Reverse().ToList().ForEach(builder.Services.Add);

        using var host = builder.Build();
        await host.StartAsync();
        try
        {
            var received = host.Services.GetRequiredService<ReceivedEvents>();
            await received.WaitForAsync(e => e.Tag == "minion/wired/start", TimeSpan.FromSeconds(20));
            var queue = await host.Services.GetRequiredService<IBus>().GetSendEndpoint(new Uri($"queue:{MinionCommand.QueueName("wired")}"));
            var now = DateTimeOffset.UtcNow;
            await queue.Send(SignedMinionCommand.Sign(new MinionCommand { Jid = "j1", Minion = "wired", Function = "test.ping", IssuedAt = now, ExpiresAt = now.AddSeconds(30), Nonce = "n1" }, reactor));

            var returned = await received.WaitForAsync(e => e.Tag == "job/j1/ret/wired", TimeSpan.FromSeconds(20));

            Assert.Equal("wired", returned.Minion);
        }
        finally
        {
            await host.StopAsync();
        }
    }

    public void Dispose() => _data.Dispose();

    private static bool ReachesTheBus(Type type) =>
        BusTypes.Contains(type) || (type.IsGenericType && type.GetGenericArguments().Any(ReachesTheBus));
}
