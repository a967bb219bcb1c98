using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using EventReactor.Contracts.Api;
using EventReactor.Messaging;
using EventReactor.Messaging.Resilience;
using EventReactor.Reactor.Broker;
using EventReactor.Reactor.Keys;
using EventReactor.Storage.Keys;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace EventReactor.Reactor.Tests.Broker;

/// <summary>
/// A fake RabbitMQ management API that records each request (<c>METHOD /path</c> and body) and answers the next of
/// <see cref="Answers"/>, then <see cref="Status"/>.
/// </summary>
internal sealed class ManagementRecorder : HttpMessageHandler
{
    public HttpStatusCode Status { get; set; } = HttpStatusCode.Created;

    public Queue<HttpStatusCode> Answers { get; } = new();

    public List<(string Line, string Body)> Requests { get; } = [];

    /// <summary>The reactor's named pipelines, the management API's retry among them.</summary>
    public static ServiceProvider Pipelines { get; } = new ServiceCollection().AddLogging().AddEventReactorResilience().BuildServiceProvider();

    /// <summary>Broker accounts whose management client talks to this recorder, as user <c>reactor</c> on vhost <c>fleet/a</c>.</summary>
    public BrokerAccounts Accounts(bool enabled, ReactorKey reactorKey)
    {
        var identity = Options.Create(new BrokerIdentityOptions { Enabled = enabled, ManagementUrl = "http://broker:15672/" });
        var bus = Options.Create(new BusOptions { Url = "rabbitmq://reactor:secret@broker:5672/fleet%2Fa" });
        var management = new RabbitManagementClient(new HttpClient(this, disposeHandler: false), identity, bus, Pipelines.GetRequiredService<Polly.Registry.ResiliencePipelineProvider<string>>());
        return new BrokerAccounts(identity, management, reactorKey, NullLogger<BrokerAccounts>.Instance);
    }

    /// <summary>What the minion holding <paramref name="minionKey"/> reads from a sealed credential.</summary>
    public static BrokerCredential Open(ECDsa minionKey, SealedBrokerCredential sealedCredential)
    {
        var box = new SealedBox(
            Convert.FromBase64String(sealedCredential.EphemeralPublicKey),
            Convert.FromBase64String(sealedCredential.Nonce),
            Convert.FromBase64String(sealedCredential.Ciphertext),
            Convert.FromBase64String(sealedCredential.Tag));
        return JsonSerializer.Deserialize<BrokerCredential>(KeySealing.Open(minionKey, box, BrokerAccounts.SealPurpose))!;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Assert.Equal("Basic", request.Headers.Authorization?.Scheme);
        var body = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken);
        Requests.Add(($"{request.Method} {request.RequestUri!.AbsolutePath}", body));
        return new HttpResponseMessage(Answers.TryDequeue(out var answer) ? answer : Status);
    }
}
