namespace EventReactor.Reactor.Ui;

/// <summary>Where the dashboard lives under the API's port.</summary>
internal static class UiPaths
{
    public const string Root = "/ui";
    public const string Login = "/ui/login";
    public const string Static = "/ui/static";
}
