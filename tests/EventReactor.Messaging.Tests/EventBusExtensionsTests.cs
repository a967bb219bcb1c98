using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace EventReactor.Messaging.Tests;

public sealed class EventBusExtensionsTests
{
    [Theory]
    [InlineData("memory://")]
    [InlineData("rabbitmq://guest:guest@localhost:5672/")]
    public void AddEventBus_AnyTransport_TurnsMassTransitsUsageTelemetryOff(string url)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Bus:Url"] = url });
        builder.AddEventBus();

        using var host = builder.Build();

        Assert.False(host.Services.GetRequiredService<IOptions<UsageTelemetryOptions>>().Value.Enabled);
    }
}
