using EventReactor.Contracts;
using EventReactor.Core.Tags;
using EventReactor.Reactor.Journal;
using EventReactor.Reactor.Streaming;
using EventReactor.Reactor.Ui.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EventReactor.Reactor.Ui.Events;

/// <summary>
/// The live events page's feed: bus traffic as server-sent events whose data is a table row rendered by the same
/// component as the page's rows, so the page only inserts it.
/// </summary>
internal static class LiveEventStream
{
    private static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(15);

    public static async Task StreamAsync(HttpContext context, EventStreamHub hub, string? tag)
    {
        var cancellationToken = context.RequestAborted;
        var filter = string.IsNullOrWhiteSpace(tag) ? null : TagGlob.Parse(tag.Trim());
        context.Response.Headers.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-cache";
        using var subscription = await hub.SubscribeAsync(filter, cancellationToken);
        await using var renderer = new HtmlRenderer(context.RequestServices, context.RequestServices.GetRequiredService<ILoggerFactory>());
        await WriteAsync(context.Response, "event: subscribed\ndata: ok\n\n", cancellationToken);
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                wait.CancelAfter(KeepAlive);
                try
                {
                    if (!await subscription.Reader.WaitToReadAsync(wait.Token))
                    {
                        return;
                    }
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    await WriteAsync(context.Response, ": keep-alive\n\n", cancellationToken);
                    continue;
                }

                var batch = new List<JournalEntry>();
                while (subscription.Reader.TryRead(out var envelope))
                {
                    batch.Add(ToEntry(envelope));
                }

                // Newest first, as the table shows them.
                batch.Reverse();
                var html = await renderer.Dispatcher.InvokeAsync(async () =>
                    (await renderer.RenderComponentAsync<EventRows>(ParameterView.FromDictionary(new Dictionary<string, object?> { [nameof(EventRows.Events)] = batch }))).ToHtmlString());
                var frame = string.Concat(html.Split('\n').Select(line => $"data: {line.TrimEnd('\r')}\n")) + "\n";
                await WriteAsync(context.Response, frame, cancellationToken);
            }
        }
        catch (OperationCanceledException)
        {
            // The page went away.
        }
    }

    private static JournalEntry ToEntry(EventEnvelope e) => new(e.Id, e.Tag, e.Source, e.Time, e.Minion, e.CausedBy, e.Depth, e.Data.GetRawText());

    private static async Task WriteAsync(HttpResponse response, string text, CancellationToken cancellationToken)
    {
        await response.WriteAsync(text, cancellationToken);
        await response.Body.FlushAsync(cancellationToken);
    }
}
