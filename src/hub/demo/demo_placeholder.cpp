namespace jaanch::hub::demo {}
