// Called by no function: its code and this literal must be in no bundle.
const char* unused_banner() { return "SHARED-DATA-UNUSED-MODULE"; }
