using System.Text;
using System.Text.Json;
using EventReactor.Contracts;
using EventReactor.Core.Tags;
using EventReactor.Messaging;
using EventReactor.Reactor.Streaming;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace EventReactor.Reactor.Http;

/// <summary><c>/api/events</c>: publish an event, or follow bus traffic as server-sent events.</summary>
internal static class EventEndpoints
{
    private static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(15);

    public static IEndpointRouteBuilder MapEventEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/events", PublishAsync).WithSummary("Publish an event: {\"tag\": ..., \"data\": {...}}; 202 with its id.");
        routes.MapGet("/api/events/stream", StreamAsync).WithSummary("Bus traffic as server-sent events, one CloudEvent per data line; ?tag=GLOB filters.");
        return routes;
    }

    private static async Task<IResult> PublishAsync(HttpRequest request, IEventPublisher publisher, IOptions<BusOptions> bus, CancellationToken cancellationToken)
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

        var envelope = EventEnvelope.Create(tag, "/api", data);
        await publisher.PublishAsync(envelope, cancellationToken);
        return TypedResults.Accepted((string?)null, new { id = envelope.Id, tag = envelope.Tag });
    }

    private static async Task StreamAsync(HttpContext context, EventStreamHub hub, string? tag)
    {
        var cancellationToken = context.RequestAborted;
        context.Response.Headers.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-cache";
        using var subscription = hub.Subscribe(string.IsNullOrEmpty(tag) ? null : TagGlob.Parse(tag));

        // The first comment tells the client it is subscribed: events from now on will reach it.
        await WriteAsync(context.Response, $": subscribed {tag ?? "*"}\n\n", cancellationToken);
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                wait.CancelAfter(KeepAlive);
                bool ready;
                try
                {
                    ready = await subscription.Reader.WaitToReadAsync(wait.Token);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    await WriteAsync(context.Response, ": keep-alive\n\n", cancellationToken);
                    continue;
                }

                if (!ready)
                {
                    return;
                }

                var frame = new StringBuilder();
                while (subscription.Reader.TryRead(out var envelope))
                {
                    frame.Append("id: ").Append(envelope.Id).Append('\n')
                        .Append("data: ").Append(CloudEventJson.Serialize(envelope)).Append("\n\n");
                }

                await WriteAsync(context.Response, frame.ToString(), cancellationToken);
            }
        }
        catch (OperationCanceledException)
        {
            // The watcher went away.
        }
    }

    private static async Task WriteAsync(HttpResponse response, string text, CancellationToken cancellationToken)
    {
        await response.WriteAsync(text, cancellationToken);
        await response.Body.FlushAsync(cancellationToken);
    }

    private static IResult BadRequest(string detail) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status400BadRequest, title: "Bad event");
}
