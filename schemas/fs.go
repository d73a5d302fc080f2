//go:build !partnerscore_notime

package schemas

import "embed"

// FS holds the generated schema files (*.schema.json), for programs that serve them
// without a file system.
//
// It is left out of builds with the tag partnerscore_notime (the browser engine's, see
// build.sh): package embed imports io/fs and time, which that build does without; it looks
// schemas up with Lookup and Names.
//
//go:embed *.schema.json
var FS embed.FS
