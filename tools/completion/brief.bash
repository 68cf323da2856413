# bash completion for brief (installed as share/bash-completion/completions/brief)
# Options from the same list as `brief --help`; values for the options that
# take a fixed set; files elsewhere.
_brief()
{
    local cur prev
    cur=${COMP_WORDS[COMP_CWORD]}
    prev=${COMP_WORDS[COMP_CWORD-1]}
    case $prev in
        -f|--format)
            COMPREPLY=($(compgen -W 'text bullets json tsv html scores split' -- "$cur"))
            return ;;
        -i|--input)
            COMPREPLY=($(compgen -W 'auto text html markdown' -- "$cur"))
            return ;;
        -l|--language)
            COMPREPLY=($(compgen -W 'auto en de fr es it pt nl sv' -- "$cur"))
            return ;;
        --encoding)
            COMPREPLY=($(compgen -W 'auto utf-8 utf-16le utf-16be windows-1252 latin1 iso-8859-2 iso-8859-15 windows-1250 windows-1251 koi8-r koi8-u' -- "$cur"))
            return ;;
        -n|--sentences|-r|--ratio|-w|--words|-c|--chars|-k|--keywords|--max-input)
            return ;; # a number
        -o|--output)
            COMPREPLY=($(compgen -f -- "$cur"))
            return ;;
    esac
    if [[ $cur == -* ]]; then
        COMPREPLY=($(compgen -W '-n --sentences -r --ratio -w --words -c --chars
            -i --input -l --language --encoding --max-input -f --format --split
            --scores -k --keywords --keywords-only -q --quiet -v --verbose
            -o --output --jsonl -h --help -V --version' -- "$cur"))
        return
    fi
    COMPREPLY=($(compgen -f -- "$cur"))
}
complete -o filenames -F _brief brief
