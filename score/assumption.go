package score

// appendAssumption appends `,"assumption":{…}` when a is set.
func appendAssumption(b []byte, a *AssumptionResult) []byte {
	if a == nil {
		return b
	}
	b = append(b, `,"assumption":{"reason":`...)
	b = appendStr(b, a.Reason)
	b = append(b, `,"from":`...)
	b = appendStr(b, a.From)
	b = append(b, `,"source":`...)
	b = appendStr(b, a.Source)
	return append(b, '}')
}
