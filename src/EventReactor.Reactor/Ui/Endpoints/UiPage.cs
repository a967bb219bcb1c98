using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EventReactor.Reactor.Ui.Endpoints;

/// <summary>Renders a page component on the server (static rendering: HTML out, no circuit).</summary>
internal static class UiPage
{
    public static RazorComponentResult Render<TComponent>(object model)
        where TComponent : IComponent => new RazorComponentResult<TComponent>(new { Model = model });
}
