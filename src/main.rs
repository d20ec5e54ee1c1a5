fn main() -> std::process::ExitCode {
    jobdeck::cli::main()
}
