using EventReactor.Reactor.Journal;
using EventReactor.Reactor.Processing;
using EventReactor.Reactor.Security;
using EventReactor.Reactor.Ui.Assets;
using EventReactor.Reactor.Ui.Auth;
using EventReactor.Reactor.Ui.Endpoints;
using EventReactor.Reactor.Ui.Queries;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace EventReactor.Reactor.Ui;

/// <summary>The dashboard at <c>/ui</c>: server-rendered pages on the API's port, reading the reactor's own stores in-process.</summary>
internal static class DashboardExtensions
{
    public static IServiceCollection AddDashboard(this IServiceCollection services)
    {
        services.AddRazorComponents();
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "eventreactor_csrf";
            options.Cookie.Path = UiPaths.Root;
            options.Cookie.SameSite = SameSiteMode.Strict;
        });
        services.AddSingleton<UiSession>();
        services.AddSingleton<EmbeddedAssets>();
        services.AddSingleton<AuditStatistics>();
        services.AddSingleton<RepetitionCharts>();
        services.AddSingleton<EventExplanation>();
        return services;
    }

    public static WebApplication MapDashboard(this WebApplication app)
    {
        // Pages read; a page that changes something declares its own scope, which overrides the group's.
        var ui = app.MapGroup(UiPaths.Root).ExcludeFromDescription().RequireScope(ApiScope.Read);
        ui.MapGet("/static/{**path}", (HttpContext context, string path, EmbeddedAssets assets) => assets.Serve(context, path)).AllowWithoutToken();
        ui.MapOverview();
        ui.MapMinionPages();
        ui.MapEventPages();
        ui.MapRulePages();
        ui.MapPoolPages();
        ui.MapBenchPages();
        LoginEndpoints.MapLogin(ui);
        return app;
    }
}
