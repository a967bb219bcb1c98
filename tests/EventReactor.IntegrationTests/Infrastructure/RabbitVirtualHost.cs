using System.Diagnostics;

namespace EventReactor.IntegrationTests.Infrastructure;

/// <summary>
/// A RabbitMQ virtual host of its own for one test: the reactor queue name is fixed, so reactors of other test runs on the
/// shared broker would otherwise compete for this test's events.
/// </summary>
internal sealed class RabbitVirtualHost : IAsyncDisposable
{
    private RabbitVirtualHost(string name)
    {
        Name = name;
    }

    public string Name { get; }

    public string Url => $"rabbitmq://guest:guest@localhost:5672/{Name}";

    public static Task<RabbitVirtualHost> CreateAsync(string id) => CreateNamedAsync($"eventreactor-it-{id}");

    public static async Task<RabbitVirtualHost> CreateNamedAsync(string name)
    {
        var host = new RabbitVirtualHost(name);
        await RabbitMqCtlAsync("add_vhost", host.Name);
        await RabbitMqCtlAsync("set_permissions", "-p", host.Name, "guest", ".*", ".*", ".*");
        return host;
    }

    public async ValueTask DisposeAsync() => await RabbitMqCtlAsync("delete_vhost", Name);

    public static async Task RabbitMqCtlAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("rabbitmqctl", arguments) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("cannot run rabbitmqctl; start the services with: sudo deploy/dev/services.sh");
        var errors = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"rabbitmqctl {string.Join(' ', arguments)} failed ({process.ExitCode}): {await errors}; the tests run as root beside the broker (sudo deploy/dev/services.sh)");
        }
    }
}
