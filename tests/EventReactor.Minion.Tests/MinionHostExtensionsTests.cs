using EventReactor.Minion.Docker;
using EventReactor.Minion.Presence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace EventReactor.Minion.Tests;

public sealed class MinionHostExtensionsTests
{
    [Theory]
    [InlineData(null, true)]
    [InlineData("true", true)]
    [InlineData("false", false)]
    public void AddMinion_WatchDocker_RegistersTheDockerWatcherOnlyWhenOn(string? watchDocker, bool expected)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [] });
        if (watchDocker is not null)
        {
            builder.Configuration["Minion:WatchDocker"] = watchDocker;
        }

        builder.AddMinion();

        var hosted = builder.Services.Where(s => s.ServiceType == typeof(IHostedService)).Select(s => s.ImplementationType).ToList();
        Assert.Equal(expected, hosted.Contains(typeof(DockerEventWatcher)));
        Assert.Contains(typeof(HeartbeatPublisher), hosted);
    }
}
