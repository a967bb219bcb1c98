using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;
using EventReactor.Contracts;
using EventReactor.Contracts.Api;
using EventReactor.Core.Tags;
using EventReactor.Messaging;
using EventReactor.Reactor.Security;
using EventReactor.Reactor.Streaming;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace EventReactor.Reactor.Http;

/// <summary><c>/api/events</c>: publish an event, or follow bus traffic as server-sent events.</summary>
internal static class EventEndpoints
{
    private static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(15);

    public static IEndpointRouteBuilder MapEventEndpoints(this IEndpointRouteBuilder routes)
    {
        var read = routes.MapGroup(string.Empty).RequireScope(ApiScope.Read);
        var publish = routes.MapGroup(string.Empty).RequireScope(ApiScope.EventsPublish);
        publish.MapPost("/api/events", PublishAsync).WithSummary("Publish an event: {\"tag\": ..., \"data\": {...}}; 202 with its id.");
        read.MapGet("/api/events/stream", Stream).WithSummary("Bus traffic as server-sent events, one CloudEvent per data line; ?tag=GLOB filters.");
        return routes;
    }

    private static async Task<Results<Accepted<EventAccepted>, ProblemHttpResult>> PublishAsync(HttpRequest request, IEventPublisher publisher, IOptions<BusOptions> bus, CancellationToken cancellationToken)
    {
        if (request.ContentLength > bus.Value.MaxMessageBytes)
        {
            return TypedResults.Problem(detail: $"the event is {request.ContentLength} bytes, over the limit of {bus.Value.MaxMessageBytes} (Bus:MaxMessageBytes)", statusCode: StatusCodes.Status413PayloadTooLarge, title: "Event too large");
        }

        JsonElement body;
        try
        {
            using var document = await JsonDocument.ParseAsync(request.Body, cancellationToken: cancellationToken);
            body = document.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            return BadRequest($"the body is not valid JSON: {ex.Message}");
        }

        if (body.ValueKind != JsonValueKind.Object)
        {
            return BadRequest("the body must be a JSON object such as {\"tag\": \"ci/build/finished\", \"data\": {}}");
        }

        if (!body.TryGetProperty("tag", out var tagElement) || tagElement.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(tagElement.GetString()))
        {
            return BadRequest("'tag' is missing or not a non-empty string");
        }

        var tag = tagElement.GetString()!;
        if (tag.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            return BadRequest($"'tag' must not contain blanks or control characters: '{tag}'");
        }

        JsonElement? data = null;
        if (body.TryGetProperty("data", out var dataElement) && dataElement.ValueKind != JsonValueKind.Null)
        {
            if (dataElement.ValueKind != JsonValueKind.Object)
            {
                return BadRequest("'data' must be a JSON object");
            }

            data = dataElement;
        }

        // Without tokens the API is loopback-only and its callers are trusted, as before.
        var caller = ApiCaller.Of(request.HttpContext);
        if (caller is not null && !caller.MayPublish(tag))
        {
            var reserved = ReservedTags.PrefixOf(tag);
            var why = reserved is null ? string.Empty : $"; '{reserved}' tags speak for minions or the reactor and need a glob that names '{reserved}', '*' does not grant them";
            return TypedResults.Problem(
                detail: $"the token '{caller.Name}' may not publish '{tag}': its events:publish globs are [{string.Join(", ", caller.Publish.Select(g => g.Pattern))}]{why}",
                statusCode: StatusCodes.Status403Forbidden,
                title: "Forbidden",
                extensions: new Dictionary<string, object?> { ["missingScope"] = ApiScopeNames.Name(ApiScope.EventsPublish) });
        }

        var envelope = EventEnvelope.Create(tag, caller is null ? "/api" : $"/api/{caller.Name}", data);
        await publisher.PublishAsync(envelope, cancellationToken);
        return TypedResults.Accepted((string?)null, new EventAccepted(envelope.Id, envelope.Tag));
    }

    private static ServerSentEventsResult<string> Stream(HttpContext context, EventStreamHub hub, string? tag) =>
        TypedResults.ServerSentEvents(ReadAsync(context.Response, hub, string.IsNullOrEmpty(tag) ? null : tag, context.RequestAborted));

    // One event per bus message: id is the event's id, data its CloudEvent JSON. SseFormatter writes no comments, so
    // the two this stream has always sent (": subscribed", ": keep-alive") are written here, between events, while the
    // formatter waits for the next one.
    private static async IAsyncEnumerable<SseItem<string>> ReadAsync(HttpResponse response, EventStreamHub hub, string? tag, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // Subscribed before the first comment sends the headers: once a client has them, no later event can miss it.
        using (var subscription = await hub.SubscribeAsync(tag is null ? null : TagGlob.Parse(tag), cancellationToken))
        {
            if (!await TryCommentAsync(response, $"subscribed {tag ?? "*"}", cancellationToken))
            {
                yield break;
            }

            while (!cancellationToken.IsCancellationRequested)
            {
                var ready = await WaitAsync(subscription, cancellationToken);
                if (ready is null)
                {
                    if (!await TryCommentAsync(response, "keep-alive", cancellationToken))
                    {
                        yield break;
                    }

                    continue;
                }

                if (ready == false)
                {
                    yield break;
                }

                while (subscription.Reader.TryRead(out var envelope))
                {
                    yield return new SseItem<string>(CloudEventJson.Serialize(envelope)) { EventId = envelope.Id };
                }
            }
        }
    }

    // True when an event is ready, false when the feed ended or the watcher went away, null when it was quiet for KeepAlive.
    private static async Task<bool?> WaitAsync(StreamSubscription subscription, CancellationToken cancellationToken)
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        wait.CancelAfter(KeepAlive);
        try
        {
            return await subscription.Reader.WaitToReadAsync(wait.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private static async Task<bool> TryCommentAsync(HttpResponse response, string text, CancellationToken cancellationToken)
    {
        try
        {
            await response.WriteAsync($": {text}\n\n", cancellationToken);
            await response.Body.FlushAsync(cancellationToken);
            return true;
        }
        catch (OperationCanceledException)
        {
            // The watcher went away.
            return false;
        }
    }

    private static ProblemHttpResult BadRequest(string detail) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status400BadRequest, title: "Bad event");
}
