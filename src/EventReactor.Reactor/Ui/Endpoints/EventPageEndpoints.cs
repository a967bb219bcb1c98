using EventReactor.Core.Tags;
using EventReactor.Reactor.Journal;
using EventReactor.Reactor.Rules;
using EventReactor.Reactor.Streaming;
using EventReactor.Reactor.Ui.Events;
using EventReactor.Reactor.Ui.Pages;
using EventReactor.Reactor.Ui.Queries;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace EventReactor.Reactor.Ui.Endpoints;

internal static class EventPageEndpoints
{
    private const int Shown = 50;
    private const int Scanned = 2000;

    public static IEndpointRouteBuilder MapEventPages(this IEndpointRouteBuilder ui)
    {
        ui.MapGet("/events", async (string? tag, EventJournal journal, CancellationToken cancellationToken) =>
        {
            var filter = string.IsNullOrWhiteSpace(tag) ? null : TagGlob.Parse(tag.Trim());
            var recent = await journal.RecentAsync(filter is null ? Shown : Scanned, cancellationToken);
            return UiPage.Render<EventsPage>(new EventsModel(tag, recent.Where(e => filter?.IsMatch(e.Tag) ?? true).Take(Shown).ToList()));
        });
        ui.MapGet("/events/stream", (HttpContext context, EventStreamHub hub, string? tag) => LiveEventStream.StreamAsync(context, hub, tag));
        ui.MapGet("/events/{id}", async (string id, EventExplanation explanation, RuleSetProvider rules, CancellationToken cancellationToken) =>
            await explanation.ExplainAsync(id, rules.Current, cancellationToken) is { } model
                ? (IResult)UiPage.Render<EventPage>(model)
                : Results.NotFound($"the reactor has no record of event '{id}'"));
        return ui;
    }
}
