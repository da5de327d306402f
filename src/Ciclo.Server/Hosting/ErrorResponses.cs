using Ciclo.Import;
using Ciclo.Localization;
using Ciclo.Warehouse;
using Microsoft.AspNetCore.Diagnostics;

namespace Ciclo.Server.Hosting;

/// <summary>Every failure as ProblemDetails: bad parameters and refused files are 400 with a plain
/// message; anything unexpected is a 500 that names no SQL, path or stack.</summary>
public static class ErrorResponses
{
    public static Task Write(HttpContext context)
    {
        var error = context.Features.Get<IExceptionHandlerFeature>()?.Error;
        var lang = context.Request.Query["lang"].ToString() is "it" or "ar" ? context.Request.Query["lang"].ToString() : "en";
        var result = error switch
        {
            BadParameterException e => HttpResults.Problem(statusCode: 400, title: "Bad parameter", detail: e.Message,
                extensions: new Dictionary<string, object?> { ["parameter"] = e.Parameter }),
            FileRefusedException e => HttpResults.Problem(statusCode: 400, title: "File refused", detail: Text.Format(lang, e.MessageKey, e.Arguments)),
            BadHttpRequestException { StatusCode: 413 } => HttpResults.Problem(statusCode: 413, title: "Too large", detail: "The upload is larger than this server accepts."),
            BadHttpRequestException e => HttpResults.Problem(statusCode: e.StatusCode, title: "Bad request", detail: "The request could not be read."),
            InvalidDataException => HttpResults.Problem(statusCode: 413, title: "Too large", detail: "The upload is larger than this server accepts."),
            WorkspaceException e => HttpResults.Problem(statusCode: 503, title: "Workspace unavailable", detail: Text.Format(lang, e.MessageKey, e.Arguments)),
            OperationCanceledException => HttpResults.Problem(statusCode: 499, title: "Cancelled"),
            _ => HttpResults.Problem(statusCode: 500, title: "Internal error", detail: "Something went wrong on the server; the workspace is unchanged."),
        };
        return result.ExecuteAsync(context);
    }
}
