using System.Text.Json;
using EventReactor.Core.Evaluation;
using EventReactor.Reactor.Rules;
using EventReactor.Reactor.Ui.Pages;
using EventReactor.Reactor.Ui.Queries;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace EventReactor.Reactor.Ui.Endpoints;

internal static class RulePageEndpoints
{
    public static IEndpointRouteBuilder MapRulePages(this IEndpointRouteBuilder ui)
    {
        ui.MapGet("/rules", async (HttpContext context, RuleSetProvider rules, AuditStatistics statistics, IAntiforgery antiforgery, CancellationToken cancellationToken) =>
        {
            var hits = await statistics.RuleHitsAsync(cancellationToken);
            var current = rules.Current;
            var last = rules.LastResult;
            return UiPage.Render<RulesPage>(new RulesModel(
                current.Files,
                current.Rules.Select(r => new RuleRow(r.Name, r.Location.ToString(), r.On.Select(g => g.Pattern).ToList(), r.Description, r.Enabled, hits.GetValueOrDefault(r.Name))).ToList(),
                rules.LastLoadedAt,
                last is { IsValid: false } ? last.Diagnostics.Select(d => d.ToString()).ToList() : [],
                UiForms.Issue(antiforgery, context)));
        });

        // The dry run of `rules test`: the same evaluator, the rules in force, and a throttle gate that never closes.
        ui.MapPost("/rules/test", async (HttpContext context, RuleSetProvider rules, IOptions<ReactorOptions> options, IAntiforgery antiforgery) =>
        {
            if (await UiForms.ReadCheckedAsync(antiforgery, context) is not { } form)
            {
                return UiForms.Refused();
            }

            DryRunModel model;
            try
            {
                var envelope = DryRunEvent.Parse(form["event"].ToString(), UiPaths.Root);
                model = new DryRunModel(envelope.Tag, new RuleEvaluator(options.Value.MaxDepth, OpenThrottleGate.Instance).Evaluate(rules.Current, envelope), null);
            }
            catch (JsonException ex)
            {
                model = new DryRunModel(null, [], $"not an event: {ex.Message}");
            }

            return (IResult)new RazorComponentResult<DryRunResult>(new { Model = model });
        });
        return ui;
    }
}
