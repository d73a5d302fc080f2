package schemas

import "embed"

// FS holds the generated schema files (*.schema.json), for programs that serve them
// without a file system (the browser build).
//
//go:embed *.schema.json
var FS embed.FS
