using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using EventReactor.Messaging;
using EventReactor.Messaging.Resilience;
using Microsoft.Extensions.Options;
using Polly.Registry;

namespace EventReactor.Reactor.Broker;

/// <summary>
/// The few calls of RabbitMQ's management HTTP API the reactor makes, as the user of its own <c>Bus:Url</c> (which must be
/// an administrator): users, their permissions on the bus's vhost, and closing their connections.
/// </summary>
internal sealed class RabbitManagementClient(HttpClient http, IOptions<BrokerIdentityOptions> options, IOptions<BusOptions> bus, ResiliencePipelineProvider<string> pipelines)
{
    public const string ClientName = "rabbitmq-management";

    private readonly BusAddress _bus = BusAddress.Parse(bus.Value.Url);

    /// <summary>The reactor's own broker user.</summary>
    public string ReactorUser => _bus.Username;

    /// <summary>The reactor's own user and its tags, as the broker knows them.</summary>
    public async Task<ManagementWhoAmI> WhoAmIAsync(CancellationToken cancellationToken) =>
        await SendAsync<ManagementWhoAmI>(HttpMethod.Get, "whoami", null, cancellationToken) ?? new ManagementWhoAmI(string.Empty, []);

    /// <summary>Creates the user, or sets its password when it exists; it gets no tags (no management access).</summary>
    public Task PutUserAsync(string user, string password, CancellationToken cancellationToken) =>
        SendAsync<object>(HttpMethod.Put, $"users/{Escape(user)}", new { password, tags = string.Empty }, cancellationToken);

    public Task PutPermissionsAsync(string user, string configure, string write, string read, CancellationToken cancellationToken) =>
        SendAsync<object>(HttpMethod.Put, $"permissions/{Escape(_bus.VirtualHost)}/{Escape(user)}", new { configure, write, read }, cancellationToken);

    public Task PutTopicPermissionsAsync(string user, string exchange, string write, string read, CancellationToken cancellationToken) =>
        SendAsync<object>(HttpMethod.Put, $"topic-permissions/{Escape(_bus.VirtualHost)}/{Escape(user)}", new { exchange, write, read }, cancellationToken);

    /// <summary>Deletes the user; one that is not there is already gone.</summary>
    public Task DeleteUserAsync(string user, CancellationToken cancellationToken) =>
        SendAsync<object>(HttpMethod.Delete, $"users/{Escape(user)}", null, cancellationToken);

    /// <summary>Closes every open connection of the user (the broker lists them by user and closes each).</summary>
    public Task CloseConnectionsAsync(string user, CancellationToken cancellationToken) =>
        SendAsync<object>(HttpMethod.Delete, $"connections/username/{Escape(user)}", null, cancellationToken);

    private static string Escape(string segment) => Uri.EscapeDataString(segment);

    private async Task<T?> SendAsync<T>(HttpMethod method, string path, object? body, CancellationToken cancellationToken)
    {
        try
        {
            return await pipelines.GetPipeline(ResiliencePipelineNames.BrokerManagement)
                .ExecuteAsync(async token => await SendOnceAsync<T>(method, path, body, token), cancellationToken);
        }
        catch (HttpRequestException ex) when (ex.StatusCode is not null)
        {
            throw new BrokerIdentityException(ex.Message, ex);
        }
    }

    private async Task<T?> SendOnceAsync<T>(HttpMethod method, string path, object? body, CancellationToken cancellationToken)
    {
        var baseUrl = options.Value.ManagementUrl.TrimEnd('/');
        using var request = new HttpRequestMessage(method, $"{baseUrl}/api/{path}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{_bus.Username}:{_bus.Password}")));
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            throw new BrokerIdentityException($"RabbitMQ's management API at {baseUrl} ({BrokerIdentityOptions.Section}:{nameof(BrokerIdentityOptions.ManagementUrl)}) does not answer: {ex.Message}; enable it with `rabbitmq-plugins enable rabbitmq_management`", ex);
        }

        using (response)
        {
            if (response.StatusCode == HttpStatusCode.NotFound && method == HttpMethod.Delete)
            {
                return default;
            }

            if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
            {
                throw new BrokerIdentityException($"RabbitMQ's management API refused the reactor's bus user '{_bus.Username}' ({(int)response.StatusCode} on {method} /api/{path}): it must be an administrator (`rabbitmqctl set_user_tags {_bus.Username} administrator`, see docs/security.md)");
            }

            if (!response.IsSuccessStatusCode)
            {
                // As HttpRequestException with its status, so that the pipeline tries a 5xx again.
                throw new HttpRequestException(
                    $"RabbitMQ's management API answered {(int)response.StatusCode} to {method} /api/{path}: {await response.Content.ReadAsStringAsync(cancellationToken)}",
                    null,
                    response.StatusCode);
            }

            return response.StatusCode == HttpStatusCode.OK && typeof(T) != typeof(object)
                ? await response.Content.ReadFromJsonAsync<T>(cancellationToken)
                : default;
        }
    }
}
