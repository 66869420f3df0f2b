// Deprecated: <b> & "quotes" \ back
module "example.com/<a>&b"
// see <here> & there
retract v1.0.0
