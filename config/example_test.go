package config_test

import (
	"fmt"

	"github.com/tqa-project/tqa/config"
	"github.com/tqa-project/tqa/pipeline"
)

func ExampleParse() {
	f, err := config.Parse("docs/.tqa.yaml", []byte(`
target-lang: en-GB
glossaries: [terms.tbx]
checks:
  severity: {dash-substitute: major}
allow:
  checks:
    mixed-script: {words: ["Σ"]}
`))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(f.TargetLang, f.Glossaries, f.Checks.Severity["dash-substitute"])
	fmt.Println(f.Allow.Allows(&pipeline.Finding{Check: "mixed-script", Text: "Σ"}))

	_, err = config.Parse(".tqa.yaml", []byte("target-lang: en\nspeling: nato\n"))
	fmt.Println(err)
	// Output:
	// en-GB [docs/terms.tbx] major
	// true
	// .tqa.yaml:2:1: unknown key "speling" (did you mean "spelling"?)
}

func ExampleFind() {
	path, err := config.Find(".")
	if err != nil {
		fmt.Println(err)
		return
	}
	if path == "" {
		fmt.Println("no configuration file")
		return
	}
	f, err := config.Load(path)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(f.Path)
}

func ExampleDefault() {
	_, err := config.Parse(config.Name, config.Default())
	fmt.Println(err)
	// Output: <nil>
}
