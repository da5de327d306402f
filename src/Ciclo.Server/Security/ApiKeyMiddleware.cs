namespace Ciclo.Server.Security;

/// <summary>With keys configured, every /api request except those marked for anyone needs a key
/// (header X-Api-Key, or Authorization: Bearer KEY) whose role covers the endpoint's:
/// 401 without a valid key, 403 with too small a role.</summary>
public sealed class ApiKeyMiddleware(RequestDelegate next, KeyStore keys)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var required = context.GetEndpoint()?.Metadata.GetMetadata<RequiresRole>();
        if (!keys.Enabled || required is null || required.Role is null)
        {
            await next(context);
            return;
        }

        var presented = Presented(context.Request);
        var key = presented.Length == 0 ? null : keys.Find(presented);
        if (key is null)
        {
            var detail = presented.Length == 0 ? "This server needs an API key (header X-Api-Key)." : "This API key is not recognised.";
            await HttpResults.Problem(statusCode: 401, title: "Unauthorized", detail: detail).ExecuteAsync(context);
            return;
        }

        if (key.Role < required.Role)
        {
            await HttpResults.Problem(statusCode: 403, title: "Forbidden", detail: "This key may read but not change the workspace: an admin key is needed.").ExecuteAsync(context);
            return;
        }

        await next(context);
    }

    /// <summary>The key the request presents (X-Api-Key, else Authorization: Bearer), or "".</summary>
    public static string Presented(HttpRequest request)
    {
        var presented = request.Headers["X-Api-Key"].ToString();
        var authorization = request.Headers.Authorization.ToString();
        return presented.Length == 0 && authorization.StartsWith("Bearer ", StringComparison.Ordinal)
            ? authorization["Bearer ".Length..].Trim()
            : presented;
    }
}
