namespace Ciclo.Server.Hosting;

/// <summary>Headers on every response: a content security policy without inline scripts, no
/// sniffing, no framing, no referrer, no browser features (camera, microphone, location...), and a
/// window of its own. The API reference page (/api/docs, Swagger UI) needs inline code and is
/// the one page without the content security policy.</summary>
public sealed class SecurityHeaders(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        // Set as the response starts, so that error pages written by the exception handler (which
        // clears the headers set so far) carry them too.
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            if (!context.Request.Path.StartsWithSegments("/api/docs", StringComparison.Ordinal))
            {
                headers.ContentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";
            }

            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            return Task.CompletedTask;
        });
        return next(context);
    }
}
