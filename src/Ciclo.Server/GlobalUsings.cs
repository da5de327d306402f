global using HttpResults = Microsoft.AspNetCore.Http.Results;
